using MLOpsLint.Core.Documents;
using MLOpsLint.Core.Environments;
using MLOpsLint.Core.Findings;
using MLOpsLint.Core.Rules;

namespace MLOpsLint.Core.Checks.Mismatch;

/// <summary>
/// MLO606: in one image, framework wheels built for one CUDA (<c>torch==2.1.0+cu121</c>, the PyTorch index
/// <c>/whl/cu121</c>, <c>jax[cuda12]</c>) on a base image with another (<c>nvidia/cuda:11.8.0-…</c>,
/// <c>pytorch/pytorch:…-cuda11.8-…</c>, <c>tensorflow/tensorflow:2.15.0-gpu</c>). Reported when the major versions
/// differ, or when the wheels need a newer minor than the image has (CUDA is compatible within a major version only
/// upwards). Wheels are read from the Dockerfile's RUN lines and from the requirement files it installs.
/// </summary>
public sealed class CudaVersionCheck : IRepositoryCheck, IDocumentSummarizer, IReportsOnlyOn
{
    public bool MayReportOn(SourceDocument document) => MismatchSupport.MayReportOn(document);

    public bool Summarizes(Documents.SourceDocument document) => FactReader.MaySummarize(document);

    /// <summary>The document's environment facts, read while its text is at hand.</summary>
    public void Summarize(Documents.SourceDocument document, CheckContext context) => FactReader.Summarize(document);

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { RuleCatalog.MLO606 };

    public void Check(RepositorySnapshot repository, CheckContext context)
    {
        foreach (var docker in repository.Documents.Where(d => d.Kind == DocumentKind.Dockerfile && d.HasText))
        {
            var facts = FactReader.Of(docker);
            var images = facts.Cuda.Where(c => c.Source == CudaSource.BaseImage).ToList();
            if (images.Count == 0) continue;
            var wheels = facts.Cuda.Where(c => c.Source != CudaSource.BaseImage)
                .Concat(EnvironmentModel.LinkedFiles(docker, repository).SelectMany(f => FactReader.Of(f).Cuda)).ToList();
            var image = images[images.Count - 1];
            foreach (var wheel in wheels)
            {
                if (!Mismatch(wheel, image)) continue;
                string what = wheel.Source == CudaSource.WheelIndex ? $"{wheel.Subject} from {wheel.Text}" : wheel.Text;
                context.Report(new Finding(RuleCatalog.MLO606, wheel.Path, wheel.Span,
                    $"{what} is built for CUDA {wheel.Shown} but the image {image.Text} ({image.Where}) has CUDA {image.Shown}")
                {
                    Related = new[] { image.Location($"base image with CUDA {image.Shown}") },
                    FixHint = wheel.Subject.StartsWith("torch", StringComparison.Ordinal) && image.Minor is int m
                        ? $"install the wheels for CUDA {image.Shown} (+cu{image.Major}{m}, --index-url https://download.pytorch.org/whl/cu{image.Major}{m}), or use a CUDA {wheel.Shown} base image"
                        : $"use wheels built for CUDA {image.Shown}, or a CUDA {wheel.Shown} base image",
                });
            }
        }
    }

    public static bool Mismatch(CudaFact wheel, CudaFact image)
    {
        if (wheel.Major != image.Major) return true;
        return wheel.Minor is int wm && image.Minor is int im && wm > im;
    }
}
