package dev.firebreak.engine.sim.internal;

import dev.firebreak.engine.change.ChangeEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Running versions and recent changes per component. Written by the simulator thread, read by any
 * thread (a rollback is validated on the caller's thread), so every method takes the lock.
 */
public final class ChangeLog {

    private static final int KEPT_PER_COMPONENT = 50;
    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)(?!.*\\d)");

    private final Object lock = new Object();
    private final String[] version;
    private final List<Deque<String>> previousVersions = new ArrayList<>();
    private final List<Deque<ChangeEvent>> recent = new ArrayList<>();

    public ChangeLog(List<String> initialVersions) {
        version = initialVersions.toArray(String[]::new);
        for (int i = 0; i < version.length; i++) {
            previousVersions.add(new ArrayDeque<>());
            recent.add(new ArrayDeque<>());
        }
    }

    public String version(int component) {
        synchronized (lock) {
            return version[component];
        }
    }

    public boolean hasPreviousVersion(int component) {
        synchronized (lock) {
            return !previousVersions.get(component).isEmpty();
        }
    }

    /** Moves to the next version and returns {from, to}. */
    public String[] deploy(int component) {
        synchronized (lock) {
            String from = version[component];
            String to = next(from);
            previousVersions.get(component).push(from);
            if (previousVersions.get(component).size() > KEPT_PER_COMPONENT) {
                previousVersions.get(component).removeLast();
            }
            version[component] = to;
            return new String[] {from, to};
        }
    }

    /** Returns to the previous version and returns {from, to}, or null if there is none. */
    public String[] rollback(int component) {
        synchronized (lock) {
            String previous = previousVersions.get(component).poll();
            if (previous == null) {
                return null;
            }
            String from = version[component];
            version[component] = previous;
            return new String[] {from, previous};
        }
    }

    public void record(int component, ChangeEvent event) {
        synchronized (lock) {
            Deque<ChangeEvent> events = recent.get(component);
            events.addLast(event);
            if (events.size() > KEPT_PER_COMPONENT) {
                events.removeFirst();
            }
        }
    }

    public List<ChangeEvent> recent(int component) {
        synchronized (lock) {
            return List.copyOf(recent.get(component));
        }
    }

    /** "1.4.2" -> "1.4.3"; a version without digits gets ".1" appended. */
    static String next(String version) {
        Matcher matcher = LAST_NUMBER.matcher(version);
        if (!matcher.find()) {
            return version + ".1";
        }
        long number = Long.parseLong(matcher.group(1)) + 1;
        return version.substring(0, matcher.start(1)) + number + version.substring(matcher.end(1));
    }
}
