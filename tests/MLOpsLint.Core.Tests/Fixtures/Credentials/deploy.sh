#!/usr/bin/env bash
export NPM_TOKEN=@@NPM@@  # expect: MLO401
export PYPI_TOKEN="@@PYPI@@"  # expect: MLO401
export DB_PASSWORD='Pz4!kLm9Qw'  # expect: MLO404
export API_TOKEN="$API_TOKEN"
curl -H "Authorization: Bearer @@JWT@@" https://api.internal  # expect: MLO401
twine upload --password "$PYPI_TOKEN" dist/*
