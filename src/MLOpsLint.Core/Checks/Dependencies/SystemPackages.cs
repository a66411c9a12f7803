namespace MLOpsLint.Core.Checks.Dependencies;

/// <summary>
/// The system packages whose version changes what a model computes, which MLO206 reports by default: BLAS/LAPACK and
/// their Fortran runtime, OpenMP and TBB runtimes, MKL and oneDNN, the CUDA libraries (cuDNN, cuBLAS, NCCL, TensorRT),
/// FFTW, OpenCV and the image codecs that decode training data (libjpeg, libpng, libtiff, libwebp), audio and video
/// decoders (ffmpeg, libav*, libsndfile), and Python itself or Python libraries from the distribution (python3.11,
/// python3-numpy). A drifting git, curl, vim or build-essential changes nothing a model computes.
/// </summary>
internal static class SystemPackages
{
    private static readonly string[] Fragments =
    {
        "blas", "lapack", "atlas", "gfortran", "gomp", "libomp", "openmp", "libtbb", "mkl", "dnnl", "onednn", "cudnn", "cublas",
        "cufft", "curand", "cusolver", "cusparse", "nccl", "tensorrt", "nvinfer", "libcuda", "cuda-", "fftw", "opencv",
        "libjpeg", "libpng", "libtiff", "libwebp", "ffmpeg", "libav", "libsndfile", "libsox", "libhdf5", "libgeos", "libproj", "gdal",
    };

    public static bool ChangesResults(string package)
    {
        string p = package.ToLowerInvariant();
        if (p.StartsWith("python3", System.StringComparison.Ordinal) || p.StartsWith("python-", System.StringComparison.Ordinal)
            || p.StartsWith("py3-", System.StringComparison.Ordinal)) return true;
        foreach (var f in Fragments)
        {
            if (p.Contains(f)) return true;
        }
        return false;
    }
}
