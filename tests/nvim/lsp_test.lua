-- Neovim's built-in LSP client (vim.lsp, Neovim 0.7+) on a real repository, headless: opens files, waits for
-- mlops-lint server's diagnostics, edits a buffer, and writes what Neovim holds as JSON for the .NET test
-- (tests/MLOpsLint.EndToEnd.Tests/Server/NeovimTests.cs), then quits.
-- Environment: MLOPS_ROOT (the repository), MLOPS_OUT (the JSON file to write), MLOPS_LINT_SERVER (the command, JSON).
local root = vim.env.MLOPS_ROOT
local out = vim.env.MLOPS_OUT
local cmd = vim.fn.json_decode(vim.env.MLOPS_LINT_SERVER)
local result = { errors = {} }

local function finish()
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

-- every publishDiagnostics, so that "no diagnostics" can be told from "not checked yet"
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  published[params.uri] = (published[params.uri] or 0) + 1
  return default_publish(err, params, ctx, config)
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({ name = 'mlops-lint', cmd = cmd, root_dir = root })
  assert(client_id, 'the client did not start')

  -- what Neovim keeps for a buffer: line, column, severity, message, source, and the LSP code
  local function diagnostics(buf)
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(list, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
        message = d.message, source = d.source, code = lsp.code,
        href = (lsp.codeDescription or {}).href,
      })
    end
    return list
  end

  local function open(file)
    vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. file))
    local buf = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(buf, client_id)
    return buf
  end

  local train = open('train.py')
  result.waited_train = vim.wait(90000, function() return #vim.diagnostic.get(train) > 0 end, 50)
  result.train = diagnostics(train)

  local reqs = open('requirements.txt')
  result.waited_reqs = vim.wait(30000, function() return #vim.diagnostic.get(reqs) > 0 end, 50)
  result.requirements = diagnostics(reqs)

  -- the look-alike: a seeded split in another script is checked and stays clean
  local clean = open('evaluate.py')
  local clean_uri = vim.uri_from_bufnr(clean)
  result.waited_clean = vim.wait(30000, function() return (published[clean_uri] or 0) > 0 end, 50)
  result.clean = diagnostics(clean)

  -- the user types the seed: the finding goes (didChange, full text)
  vim.api.nvim_set_current_buf(train)
  vim.api.nvim_buf_set_lines(train, 2, 3, false, { 'X_train, X_test = train_test_split(X, y, random_state=0)' })
  result.waited_fix = vim.wait(30000, function() return #vim.diagnostic.get(train) == 0 end, 50)
  result.train_after_edit = diagnostics(train)

  local client = vim.lsp.get_client_by_id(client_id)
  result.server_name = client.server_capabilities and (client.name) or nil
  client.stop()
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
