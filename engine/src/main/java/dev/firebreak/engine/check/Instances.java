package dev.firebreak.engine.check;

import java.util.Locale;

/**
 * How many instances of a component serve, against how many it should have.
 *
 * @param serving instances serving, 0..wanted; fractional while a share of their processes is down
 * @param wanted  instances the component should have, >= 0
 */
public record Instances(double serving, int wanted) {

    public Instances {
        if (wanted < 0) {
            throw new IllegalArgumentException("wanted must not be negative, was " + wanted);
        }
        if (!(serving >= 0)) {
            throw new IllegalArgumentException("serving must not be negative, was " + serving);
        }
    }

    /** Whether fewer serve than wanted (by more than rounding). */
    public boolean anyDown() {
        return serving < wanted - 1e-9;
    }

    /** "1 of 3 instances down", or "2.5 of 3 instances serving" while processes of some are down. */
    public String describe() {
        double down = wanted - serving;
        if (!anyDown()) {
            return wanted + " of " + wanted + (wanted == 1 ? " instance" : " instances") + " up";
        }
        if (Math.abs(down - Math.rint(down)) < 1e-9) {
            return Math.round(down) + " of " + wanted + (wanted == 1 ? " instance" : " instances") + " down";
        }
        return String.format(Locale.ROOT, "%.1f of %d instances serving", serving, wanted);
    }
}
