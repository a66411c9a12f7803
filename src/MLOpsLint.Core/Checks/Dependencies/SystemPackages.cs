namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>
/// The system packages whose version changes what a model computes, which MLO206 reports by default: BLAS/LAPACK and
/// their Fortran runtime, OpenMP and TBB runtimes, MKL and oneDNN, the CUDA libraries (cuDNN, cuBLAS, NCCL, TensorRT),
/// FFTW, OpenCV and the image codecs that decode training data (libjpeg, libpng, libtiff, libwebp), audio and video
/// decoders (ffmpeg, libav*, libsndfile), and Python libraries from the distribution (python3-numpy, python3-scipy).
/// A drifting git, curl, vim or build-essential changes nothing a model computes; nor do the interpreter and its
/// packaging tools (python3, python3.10-dev, python3-pip, python3-venv): the base image's release fixes the interpreter's
/// minor version, which MLO601 compares with the project's, and pip or setuptools only install (the ecosystem run judged
/// every such result false).
/// </summary>
internal static class SystemPackages
{
    private static readonly System.Text.RegularExpressions.Regex InterpreterOrTooling = new(
        @"^(?:python(?:3(?:\.\d+)?)?|py3)(?:-(?:dev|pip|setuptools|venv|wheel|distutils|minimal|full|tk|lib2to3|is-python3|apt|all|all-dev|gdbm))?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly string[] Fragments =
    {
        "blas", "lapack", "atlas", "gfortran", "gomp", "libomp", "openmp", "libtbb", "mkl", "dnnl", "onednn", "cudnn", "cublas",
        "cufft", "curand", "cusolver", "cusparse", "nccl", "tensorrt", "nvinfer", "libcuda", "cuda-", "fftw", "opencv",
        "libjpeg", "libpng", "libtiff", "libwebp", "ffmpeg", "libav", "libsndfile", "libsox", "libhdf5", "libgeos", "libproj", "gdal",
    };

    public static bool ChangesResults(string package)
    {
        string p = package.ToLowerInvariant();
        int colon = p.IndexOf(':');
        if (InterpreterOrTooling.IsMatch(colon > 0 ? p.Substring(0, colon) : p)) return false;
        if (p.StartsWith("python3", System.StringComparison.Ordinal) || p.StartsWith("python-", System.StringComparison.Ordinal)
            || p.StartsWith("py3-", System.StringComparison.Ordinal)) return true;
        foreach (var f in Fragments)
        {
            if (p.Contains(f)) return true;
        }
        return false;
    }
}
