package io.modelaudit.formats.keras;

import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.links.ExternalLink;
import io.jhdf.links.SoftLink;

/**
 * Follows HDF5 links the way h5py and Keras do: a soft link to the node it names inside the same
 * file. An external link, whose target lives in another file, is never opened.
 */
final class H5Links {
  /** More soft links in a row than any real file has: a loop. */
  static final int MAX_HOPS = 32;

  private H5Links() {}

  /** A link we do not follow: an external one, a broken one, or a loop. */
  static final class Unfollowed extends RuntimeException {
    private final boolean external;

    Unfollowed(boolean external, String message) {
      super(message, null, false, false);
      this.external = external;
    }

    boolean external() {
      return external;
    }
  }

  /**
   * The node a link leads to, or the node itself when it is no link; null stays null. The target
   * path is walked here, link by link, rather than by jHDF, which recurses without end on a loop.
   *
   * @throws Unfollowed for an external link, a soft link to nothing, or a loop of soft links
   */
  static Node follow(Node node) {
    return follow(node, new int[] {0});
  }

  private static Node follow(Node node, int[] hops) {
    while (node != null && node.isLink()) {
      if (++hops[0] > MAX_HOPS) {
        throw new Unfollowed(false, "a soft link in a loop");
      }
      if (node instanceof ExternalLink) {
        // jHDF (0.10.0 to 0.13.0) spells the target FILE:PATH
        throw new Unfollowed(
            true,
            "an external link to "
                + ((ExternalLink) node).getTargetPath()
                + ": that other file is never opened");
      }
      if (!(node instanceof SoftLink)) {
        throw new Unfollowed(false, "a link of an unknown kind");
      }
      SoftLink link = (SoftLink) node;
      String target = link.getTargetPath();
      Node at = target.startsWith("/") ? link.getHdfFile() : link.getParent();
      for (String segment : target.split("/")) {
        if (segment.isEmpty() || segment.equals(".")) {
          continue;
        }
        at = follow(at, hops);
        at = at instanceof Group ? ((Group) at).getChildren().get(segment) : null;
        if (at == null) {
          throw new Unfollowed(
              false, "a soft link to " + target + ", which the file does not hold");
        }
      }
      node = at;
    }
    return node;
  }
}
