package org.aerobench.embedded.cdt;

/**
 * Where the list or map an operation works on lives: a bin, a list item or a map value. An
 * operation may replace the container (a new order, a created list); the context puts it back.
 */
final class Slot {

  Val value; // null: nothing there yet (a missing bin)

  Slot(Val value) {
    this.value = value;
  }
}
