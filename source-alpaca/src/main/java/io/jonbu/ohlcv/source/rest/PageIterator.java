package io.jonbu.ohlcv.source.rest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Walks the pages of one query, fetching the next only when the previous one is used up. */
final class PageIterator<T> implements Iterator<T> {
    private final Function<String, Page<T>> fetch;
    private Iterator<T> current;
    private String nextToken;
    private boolean last;

    /** @param fetch fetches the page for a token, null for the first page */
    PageIterator(Function<String, Page<T>> fetch) {
        this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
        // a page may be empty yet carry a token, so keep fetching until items or the end
        while ((current == null || !current.hasNext()) && !last) {
            Page<T> page = fetch.apply(nextToken);
            current = page.items().iterator();
            nextToken = page.nextPageToken();
            last = nextToken == null || nextToken.isEmpty();
        }
        return current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
