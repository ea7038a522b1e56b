package io.modelaudit.cli;

/**
 * The headings {@code --help} lists a command's options under, by what they are for, in this order.
 * An option that names no heading is listed under "Other options", so none is ever left out; a
 * command whose options all sit there shows them without a heading.
 */
enum HelpGroup {
  OUTPUT("Output"),
  TABLE("The text table"),
  COMPARED("What is compared"),
  BATCH("Batch runs"),
  OTHER("Other options");

  private final String heading;

  HelpGroup(String heading) {
    this.heading = heading;
  }

  String heading() {
    return heading;
  }
}
