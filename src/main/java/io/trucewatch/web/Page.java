package io.trucewatch.web;

import java.util.List;

/** One page of a list (CONTRACT §4): pages count from 0; {@code total} counts all matching items. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
