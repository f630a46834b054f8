package io.icrl.learner.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import io.icrl.core.InvalidInputException;
import java.util.List;

/**
 * Engine setup shared by training, inference and benchmarks: CPU thread counts, the device (CPU by
 * default, the first GPU when DJL finds one, or what the user names) and the compute precision.
 */
public final class Devices {
  private Devices() {}

  /**
   * Sets PyTorch's intra-op threads ({@code threads > 0}; 0 keeps the engine's default) and one
   * inter-op thread. The counts are read when the engine starts (started here if it has not yet
   * been); after that the intra-op count is changed at run time, the inter-op count stays.
   */
  public static void configureThreads(int threads) {
    if (threads <= 0) {
      return;
    }
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    engine();
    ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
  }

  /** The PyTorch engine (starting it if needed). */
  public static Engine engine() {
    return Engine.getEngine("PyTorch");
  }

  /**
   * The device named by {@code spec}: {@code auto} (first GPU if any, else CPU), {@code cpu},
   * {@code gpu} or {@code gpu:N}.
   */
  public static Device choose(String spec) {
    Engine e = engine();
    int gpus = e.getGpuCount();
    switch (spec) {
      case "auto":
        return gpus > 0 ? Device.gpu(0) : Device.cpu();
      case "cpu":
        return Device.cpu();
      default:
        if (spec.equals("gpu") || spec.startsWith("gpu:")) {
          int id = spec.equals("gpu") ? 0 : parse(spec.substring(4), spec);
          if (id >= gpus) {
            throw new InvalidInputException("device " + spec + " requested but DJL finds " + gpus
                + " GPU(s); see README 'GPU' for pointing DJL at a CUDA libtorch");
          }
          return Device.gpu(id);
        }
        throw new InvalidInputException("device '" + spec + "': expected one of "
            + List.of("auto", "cpu", "gpu", "gpu:N"));
    }
  }

  /**
   * The trunk's data type for {@code precision} ({@code auto}, {@code fp32}, {@code bf16}, {@code
   * fp16}) on {@code device}: auto is bf16 on GPUs and fp32 on CPUs; half precisions are GPU only.
   */
  public static DataType computeType(String precision, Device device) {
    boolean gpu = device.isGpu();
    switch (precision) {
      case "auto":
        return gpu ? DataType.BFLOAT16 : DataType.FLOAT32;
      case "fp32":
        return DataType.FLOAT32;
      case "bf16":
      case "fp16":
        if (!gpu) {
          throw new InvalidInputException("precision " + precision + " needs a GPU; device is "
              + device);
        }
        return precision.equals("bf16") ? DataType.BFLOAT16 : DataType.FLOAT16;
      default:
        throw new InvalidInputException("precision '" + precision + "': expected one of "
            + List.of("auto", "fp32", "bf16", "fp16"));
    }
  }

  private static int parse(String s, String spec) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException ex) {
      throw new InvalidInputException("device '" + spec + "': expected gpu:N with N a number");
    }
  }
}
