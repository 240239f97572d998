package org.corridor.allocation.domain;

/** Priority of a material need; unmet quantity weighs CRITICAL > HIGH > MEDIUM > LOW. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, LOW
}
