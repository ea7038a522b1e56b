package io.modelaudit.report.html;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link LayerGraph} out with Eclipse ELK's layered algorithm (Sugiyama style, data flowing
 * downwards): nested models are compound nodes laid out together with their parent (hierarchy
 * handling INCLUDE_CHILDREN), edges are routed orthogonally. ELK is deterministic for a given
 * graph, so the same model always gives the same drawing.
 */
final class GraphLayout {
  static final double GROUP_TITLE_HEIGHT = 28;
  static final double GROUP_PAD = 12;

  /**
   * Where everything is, in absolute coordinates.
   *
   * @param boxes per layer: x, y, width, height
   * @param edges per edge of the graph, in order: its polyline's points as x, y pairs
   */
  record Result(double width, double height, double[][] boxes, List<double[]> edges) {}

  static {
    // ELK finds its algorithms through ServiceLoader; registering the layered one here keeps the
    // layout working even where the service files were not merged (a repackaged jar).
    LayoutMetaDataService service = LayoutMetaDataService.getInstance();
    if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
      service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }
  }

  private GraphLayout() {}

  static Result layout(LayerGraph g) {
    int n = g.layers().size();
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_PAD));
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 32.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 12.0);

    ElkNode[] nodes = new ElkNode[n];
    for (int i = 0; i < n; i++) {
      ElkNode container = g.parent()[i] < 0 ? root : nodes[g.parent()[i]];
      ElkNode node = ElkGraphUtil.createNode(container);
      if (g.isGroup(i)) {
        node.setProperty(
            CoreOptions.PADDING,
            new ElkPadding(GROUP_TITLE_HEIGHT + GROUP_PAD, GROUP_PAD, GROUP_PAD, GROUP_PAD));
        node.setProperty(
            CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
        // The group is at least as wide as its title. ELK 0.10 applies a compound node's minimum
        // size before it turns the graph for direction DOWN, so the width goes in as y
        // (GraphLayoutTest checks that titles fit).
        double titleWidth = NodeLabel.width(List.of(NodeLabel.groupTitle(g.layers().get(i))));
        node.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(0, titleWidth));
      } else {
        List<String> lines = NodeLabel.leafLines(g.layers().get(i));
        node.setDimensions(NodeLabel.width(lines), NodeLabel.height(lines.size()));
      }
      nodes[i] = node;
    }
    List<ElkEdge> edges = new ArrayList<>();
    for (LayerGraph.Edge e : g.edges()) {
      ElkEdge edge = ElkGraphUtil.createSimpleEdge(nodes[e.from()], nodes[e.to()]);
      ElkGraphUtil.updateContainment(edge);
      edges.add(edge);
    }

    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    double[][] boxes = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] origin = origin(nodes[i].getParent());
      boxes[i] =
          new double[] {
            origin[0] + nodes[i].getX(),
            origin[1] + nodes[i].getY(),
            nodes[i].getWidth(),
            nodes[i].getHeight()
          };
    }
    List<double[]> polylines = new ArrayList<>();
    for (ElkEdge edge : edges) {
      // Edge sections are relative to the node that contains the edge.
      double[] origin = origin(edge.getContainingNode());
      List<Double> points = new ArrayList<>();
      for (ElkEdgeSection s : edge.getSections()) {
        add(points, origin, s.getStartX(), s.getStartY());
        for (ElkBendPoint b : s.getBendPoints()) {
          add(points, origin, b.getX(), b.getY());
        }
        add(points, origin, s.getEndX(), s.getEndY());
      }
      polylines.add(points.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return new Result(root.getWidth(), root.getHeight(), boxes, polylines);
  }

  private static void add(List<Double> points, double[] origin, double x, double y) {
    points.add(origin[0] + x);
    points.add(origin[1] + y);
  }

  /** The absolute position of a node's own coordinate system (the root's is 0, 0). */
  private static double[] origin(ElkNode node) {
    double x = 0;
    double y = 0;
    for (ElkNode at = node; at != null && at.getParent() != null; at = at.getParent()) {
      x += at.getX();
      y += at.getY();
    }
    return new double[] {x, y};
  }
}
