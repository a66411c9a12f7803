using Microsoft.ML;

namespace Sample.Trainer;

public static class Trainer
{
    public static MLContext Create()
    {
        var ctx = new MLContext();
        return ctx;
    }
}
