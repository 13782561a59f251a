package io.jonbu.ohlcv.source.rest;

import java.util.List;

/** One page of a historical response; a null token means it was the last. */
record Page<T>(List<T> items, String nextPageToken) {}
