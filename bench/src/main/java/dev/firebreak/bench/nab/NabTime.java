package dev.firebreak.bench.nab;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** NAB's timestamps: "2014-02-19 10:50:00" in data files, with ".000000" appended in the label files. */
final class NabTime {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NabTime() {
    }

    /** Parses a timestamp; null if it is not one. */
    static LocalDateTime parseOrNull(String text) {
        try {
            return LocalDateTime.parse(text.trim(), FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String format(LocalDateTime time) {
        return OUTPUT.format(time);
    }
}
