package io.modelaudit.formats.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.LayerKind;
import io.modelaudit.ir.Shape;
import io.modelaudit.ir.layers.BroadcastOpKind;
import io.modelaudit.ir.layers.OpaqueOpKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Layers whose computation is code rather than a configuration the audit can model: Keras {@code
 * Lambda}, tf.keras op layers, and the operation nodes Keras 3 writes into functional
 * configurations when {@code keras.ops} functions (or tensor operators, slicing, {@code mask_zero})
 * are applied to symbolic tensors. They are opaque, except the element-wise arithmetic operations
 * on tensors and scalars (residual {@code x + y}), which have a rule.
 */
final class KerasOperations {
  /**
   * How Keras 3 writes a constant tensor argument: {@code {"class_name": "__tensor__", "config":
   * {"value": …}}}.
   */
  private static final Set<String> CONSTANT_TENSORS = Set.of("__tensor__", "__numpy__");

  private static final Set<String> BROADCAST_OPERATIONS =
      Set.of("Add", "Subtract", "Multiply", "Divide", "TrueDivide", "Maximum", "Minimum", "Power");
  private static final Set<String> CODE_LAYERS =
      Set.of("Lambda", "TFOpLambda", "SlicingOpLambda", "TensorFlowOpLayer");

  /**
   * Every subclass of {@code keras.src.ops.Operation} in {@code keras.src.ops} that is not a layer
   * (Keras 3.15.1).
   */
  private static final Set<String> KERAS3_OPERATIONS =
      Set.of(
          "Abs",
          "Absolute",
          "AdaptiveAveragePool",
          "AdaptiveMaxPool",
          "Add",
          "AffineTransform",
          "All",
          "AllClose",
          "Amax",
          "Amin",
          "Angle",
          "Any",
          "Append",
          "Arange",
          "Arccos",
          "Arccosh",
          "Arcsin",
          "Arcsinh",
          "Arctan",
          "Arctan2",
          "Arctanh",
          "Argmax",
          "Argmin",
          "Argpartition",
          "Argsort",
          "Array",
          "ArraySplit",
          "AssociativeScan",
          "Average",
          "AveragePool",
          "BatchNorm",
          "BinaryCrossentropy",
          "Bincount",
          "BitwiseAnd",
          "BitwiseInvert",
          "BitwiseLeftShift",
          "BitwiseNot",
          "BitwiseOr",
          "BitwiseRightShift",
          "BitwiseXor",
          "BroadcastTo",
          "CDist",
          "CTCDecode",
          "CTCLoss",
          "Cast",
          "CategoricalCrossentropy",
          "Cbrt",
          "Ceil",
          "Celu",
          "Cholesky",
          "CholeskyInverse",
          "Clip",
          "Concatenate",
          "Cond",
          "Conj",
          "Conjugate",
          "Conv",
          "ConvTranspose",
          "ConvertToTensor",
          "Copy",
          "Corrcoef",
          "Correlate",
          "Cos",
          "Cosh",
          "CountNonzero",
          "CropImages",
          "Cross",
          "Cumprod",
          "Cumsum",
          "Deg2rad",
          "DepthToSpace",
          "DepthwiseConv",
          "Det",
          "Diag",
          "Diagflat",
          "Diagonal",
          "Diff",
          "Digitize",
          "Divide",
          "DivideNoNan",
          "Dot",
          "DotProductAttention",
          "Dsplit",
          "Dstack",
          "Eig",
          "Eigh",
          "Einsum",
          "ElasticTransform",
          "Elu",
          "EmptyLike",
          "Equal",
          "Erf",
          "Erfc",
          "Erfinv",
          "Exp",
          "Exp2",
          "ExpandDims",
          "Expm1",
          "ExtractPatches",
          "ExtractSequences",
          "FFT",
          "FFT2",
          "Fabs",
          "Flip",
          "Fliplr",
          "Flipud",
          "Floor",
          "FloorDivide",
          "Fmax",
          "Fmin",
          "Fmod",
          "Fold",
          "ForiLoop",
          "Full",
          "FullLike",
          "GaussianBlur",
          "Gcd",
          "Gelu",
          "Geomspace",
          "GetItem",
          "Glu",
          "Greater",
          "GreaterEqual",
          "HSVToRGB",
          "HardShrink",
          "HardSigmoid",
          "HardSilu",
          "HardTanh",
          "Heaviside",
          "Histogram",
          "Hsplit",
          "Hstack",
          "Hypot",
          "I0",
          "IFFT2",
          "IRFFT",
          "ISTFT",
          "Imag",
          "InTopK",
          "Inner",
          "Inv",
          "IsIn",
          "Isclose",
          "Isfinite",
          "Isinf",
          "Isnan",
          "Isneginf",
          "Isposinf",
          "Isreal",
          "JVP",
          "Kron",
          "LayerNorm",
          "Lcm",
          "Ldexp",
          "LeakyRelu",
          "LeftShift",
          "Less",
          "LessEqual",
          "Linspace",
          "Log",
          "Log10",
          "Log1p",
          "Log2",
          "LogSigmoid",
          "LogSoftmax",
          "Logaddexp",
          "Logaddexp2",
          "Logdet",
          "LogicalAnd",
          "LogicalNot",
          "LogicalOr",
          "LogicalXor",
          "Logspace",
          "Logsumexp",
          "Lstsq",
          "LuFactor",
          "Map",
          "MapCoordinates",
          "Matmul",
          "MatrixRank",
          "Max",
          "MaxPool",
          "Maximum",
          "Mean",
          "Median",
          "Meshgrid",
          "Min",
          "Minimum",
          "Mod",
          "Moments",
          "Moveaxis",
          "MultiHot",
          "Multiply",
          "NanToNum",
          "Nanargmax",
          "Nanargmin",
          "Nancumprod",
          "Nancumsum",
          "Nanmax",
          "Nanmean",
          "Nanmedian",
          "Nanmin",
          "Nanpercentile",
          "Nanprod",
          "Nanquantile",
          "Nanstd",
          "Nansum",
          "Nanvar",
          "Ndim",
          "Negative",
          "Nextafter",
          "Nonzero",
          "Norm",
          "Normalize",
          "NotEqual",
          "OneHot",
          "OnesLike",
          "Outer",
          "PSNR",
          "Pad",
          "PadImages",
          "Percentile",
          "PerspectiveTransform",
          "Pinv",
          "Polar",
          "Power",
          "Prod",
          "Ptp",
          "Qr",
          "Quantile",
          "RFFT",
          "RGBToGrayscale",
          "RGBToHSV",
          "RMSNorm",
          "Rad2deg",
          "Ravel",
          "Real",
          "Rearrange",
          "Reciprocal",
          "Relu",
          "Relu6",
          "Repeat",
          "Reshape",
          "Resize",
          "RightShift",
          "Roll",
          "Rot90",
          "Round",
          "Rsqrt",
          "SSIM",
          "STFT",
          "SVD",
          "SaturateCast",
          "ScaleAndTranslate",
          "Scan",
          "Scatter",
          "ScatterUpdate",
          "SearchSorted",
          "SegmentMax",
          "SegmentMin",
          "SegmentProd",
          "SegmentReduction",
          "SegmentSum",
          "Select",
          "Selu",
          "SeparableConv",
          "Sigmoid",
          "Sign",
          "Signbit",
          "Silu",
          "Sin",
          "Sinc",
          "Sinh",
          "Size",
          "Slice",
          "SliceUpdate",
          "Slogdet",
          "SobelEdges",
          "SoftShrink",
          "Softmax",
          "Softplus",
          "Softsign",
          "Solve",
          "SolveTriangular",
          "Sort",
          "SpaceToDepth",
          "SparseCategoricalCrossentropy",
          "SparsePlus",
          "SparseSigmoid",
          "Sparsemax",
          "Split",
          "Sqrt",
          "Square",
          "Squareplus",
          "Squeeze",
          "Stack",
          "Std",
          "StopGradient",
          "Subtract",
          "Sum",
          "Swapaxes",
          "Switch",
          "Take",
          "TakeAlongAxis",
          "Tan",
          "Tanh",
          "TanhShrink",
          "Tensordot",
          "Threshold",
          "Tile",
          "TopK",
          "Trace",
          "Transpose",
          "Trapezoid",
          "Tril",
          "Triu",
          "TrueDivide",
          "Trunc",
          "Unfold",
          "Unique",
          "UnravelIndex",
          "Unstack",
          "Vander",
          "Var",
          "Vdot",
          "VectorizedMap",
          "View",
          "ViewAsComplex",
          "ViewAsReal",
          "Vsplit",
          "Vstack",
          "Where",
          "WhileLoop",
          "ZerosLike");

  private KerasOperations() {}

  /**
   * The kind of a code layer or operation node, or null when the class is neither. Keras 3 writes
   * an operation's module ({@code keras.src.ops.numpy} …) in .keras archives but not in legacy HDF5
   * files; there an operation is told from a layer of the same class name ({@code Add}, {@code
   * Reshape} …) by its configuration, which holds no {@code trainable} flag (every Keras 3 layer
   * writes one). Files of older Keras have no operation nodes.
   */
  static LayerKind kind(String className, JsonNode spec, boolean keras3) {
    LayerKind arithmetic = TfOpArithmetic.kind(className, spec);
    if (arithmetic != null) {
      return arithmetic;
    }
    if (CODE_LAYERS.contains(className)) {
      return OpaqueOpKind.code(
          className + " runs code the audit does not interpret: its outputs are unknown");
    }
    String wrapped = spec.path("config").path("layer").path("class_name").asText("");
    if (CODE_LAYERS.contains(wrapped)) {
      return OpaqueOpKind.code(
          "wraps "
              + wrapped
              + ", which runs code the audit does not interpret: its outputs are unknown");
    }
    JsonNode module = spec.get("module");
    boolean opsModule =
        module != null
            && module.isTextual()
            && (module.asText().startsWith("keras.src.ops.")
                || module.asText().startsWith("keras.ops"));
    boolean legacyOp =
        keras3
            && (module == null || module.isNull())
            && KERAS3_OPERATIONS.contains(className)
            && !spec.path("config").has("trainable");
    if (!opsModule && !legacyOp) {
      return null;
    }
    List<Shape> constants =
        BROADCAST_OPERATIONS.contains(className) ? constantShapes(spec.get("inbound_nodes")) : null;
    if (constants != null) {
      return new BroadcastOpKind(constants);
    }
    return OpaqueOpKind.code(
        "Keras operation " + className + " is not interpreted: its outputs are unknown");
  }

  /**
   * The shapes of the constant tensors among the arguments, the same in every call; null when an
   * argument is neither a tensor, a number nor a constant tensor, or the calls differ.
   */
  private static List<Shape> constantShapes(JsonNode nodes) {
    if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
      return null;
    }
    List<Shape> first = null;
    for (JsonNode node : nodes) {
      JsonNode args = node.get("args");
      JsonNode kwargs = node.get("kwargs");
      if (args == null || !args.isArray() || (kwargs != null && kwargs.size() > 0)) {
        return null;
      }
      List<Shape> shapes = new ArrayList<>();
      for (JsonNode arg : args) {
        String kind = arg.path("class_name").asText();
        if (CONSTANT_TENSORS.contains(kind)) {
          Shape s = arrayShape(arg.path("config").get("value"));
          if (s == null) {
            return null;
          }
          shapes.add(s);
        } else if (!kind.equals("__keras_tensor__") && !arg.isNumber()) {
          return null;
        }
      }
      if (first != null && !first.equals(shapes)) {
        return null;
      }
      first = shapes;
    }
    return first;
  }

  /** The shape of a nested JSON list, read along its first elements; null when it is not one. */
  static Shape arrayShape(JsonNode value) {
    if (value == null) {
      return null;
    }
    List<Long> dims = new ArrayList<>();
    JsonNode v = value;
    while (v.isArray()) {
      dims.add((long) v.size());
      if (v.isEmpty()) {
        return Shape.of(dims);
      }
      v = v.get(0);
    }
    return v.isNumber() ? Shape.of(dims) : null;
  }
}
