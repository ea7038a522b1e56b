package io.modelaudit.formats.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelaudit.ir.layers.dl4j.Dl4jPreprocessorKind;
import io.modelaudit.ir.layers.dl4j.Dl4jPreprocessorKind.Op;
import java.util.ArrayList;
import java.util.List;

/** DL4J InputPreProcessor configurations → {@link Dl4jPreprocessorKind}. */
final class Dl4jPreprocessors {
  private Dl4jPreprocessors() {}

  /** The preprocessor, or null for a JSON null; throws for a class without a rule. */
  static Dl4jPreprocessorKind read(JsonNode node, int depth) {
    Dl4jTyped t = Dl4jTyped.of(node, "preprocessor");
    if (t == null) {
      return null;
    }
    if (depth > 16) {
      throw new Dl4jConfigException("preprocessors nested too deep");
    }
    Dl4jArgs a = new Dl4jArgs(t);
    switch (t.name()) {
      case "CnnToFeedForwardPreProcessor":
        return new Dl4jPreprocessorKind(Op.CNN_TO_FEED_FORWARD, hw(a), a.getLong("numChannels", 0));
      case "Cnn3DToFeedForwardPreProcessor":
        return new Dl4jPreprocessorKind(Op.CNN3D_TO_FEED_FORWARD,
            new long[] {a.getLong("inputDepth", 0), a.getLong("inputHeight", 0), a.getLong("inputWidth", 0)}, a.getLong("numChannels", 0));
      case "FeedForwardToCnnPreProcessor":
        return new Dl4jPreprocessorKind(Op.FEED_FORWARD_TO_CNN, new long[] {a.requireLong("inputHeight"), a.requireLong("inputWidth")},
            a.requireLong("numChannels"));
      case "CnnToRnnPreProcessor":
        return new Dl4jPreprocessorKind(Op.CNN_TO_RNN, hw(a), a.getLong("numChannels", 0));
      case "RnnToCnnPreProcessor":
        return new Dl4jPreprocessorKind(Op.RNN_TO_CNN, new long[] {a.requireLong("inputHeight"), a.requireLong("inputWidth")},
            a.requireLong("numChannels"));
      case "RnnToFeedForwardPreProcessor":
        return new Dl4jPreprocessorKind(Op.RNN_TO_FEED_FORWARD, new long[0], 0);
      case "FeedForwardToRnnPreProcessor":
        return new Dl4jPreprocessorKind(Op.FEED_FORWARD_TO_RNN, new long[0], 0);
      case "BinomialSamplingPreProcessor":
      case "UnitVarianceProcessor":
      case "ZeroMeanAndUnitVariancePreProcessor":
      case "ZeroMeanPrePreProcessor":
        return new Dl4jPreprocessorKind(Op.IDENTITY, new long[0], 0);
      case "ComposableInputPreProcessor": {
        JsonNode list = a.get("inputPreProcessors");
        List<Dl4jPreprocessorKind> chain = new ArrayList<>();
        if (list != null && list.isArray()) {
          for (JsonNode p : list) {
            Dl4jPreprocessorKind k = read(p, depth + 1);
            if (k != null) {
              chain.add(k);
            }
          }
        }
        return Dl4jPreprocessorKind.compose(chain);
      }
      default:
        throw new Dl4jConfigException("input preprocessor " + t.name() + " has no rule");
    }
  }

  private static long[] hw(Dl4jArgs a) {
    return new long[] {a.getLong("inputHeight", 0), a.getLong("inputWidth", 0)};
  }
}
