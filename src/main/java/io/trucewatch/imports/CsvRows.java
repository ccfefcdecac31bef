package io.trucewatch.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** A CSV text read as its header and then one row at a time, each row keyed by the header's names. */
final class CsvRows implements Iterator<CsvRows.Row>, AutoCloseable {

    /** A data row: its 1-based number, its cells by column name, or why it cannot be read as one. */
    record Row(int number, Map<String, String> cells, String problem) {
    }

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private final MappingIterator<List<String>> lines;
    private final List<String> header;
    private int number;

    private CsvRows(MappingIterator<List<String>> lines, List<String> header) {
        this.lines = lines;
        this.header = header;
    }

    /**
     * Opens the text; an empty text has an empty header. Malformed CSV surfaces as an
     * {@link IllegalArgumentException} whose message may be shown to the client as it is.
     */
    static CsvRows open(String text) {
        try {
            MappingIterator<List<String>> lines = CSV.readerForListOf(String.class).readValues(text);
            List<String> header = lines.hasNextValue() ? lines.nextValue() : List.of();
            return new CsvRows(lines, header.stream().map(String::strip).toList());
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        try {
            return lines.hasNextValue();
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        number++;
        List<String> cells;
        try {
            cells = lines.nextValue();
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        if (cells.size() != header.size()) {
            return new Row(number, Map.of(), "has " + cells.size() + " cells; the header has " + header.size());
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.put(header.get(i), cells.get(i));
        }
        return new Row(number, byName, null);
    }

    /**
     * Why the text cannot be read, in words of our own and with the line where reading stopped:
     * the parser's message names its own classes and settings.
     */
    private static IllegalArgumentException unreadable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException parsing && parsing.getLocation() != null
                    && parsing.getLocation().getLineNr() > 0) {
                return new IllegalArgumentException("not readable as CSV at line " + parsing.getLocation().getLineNr()
                        + " (check the quoting there: a quoted cell must end with a quote, and a quote inside it is "
                        + "written twice)", e);
            }
        }
        return new IllegalArgumentException("not readable as CSV", e);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
