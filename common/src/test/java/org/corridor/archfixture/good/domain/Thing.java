package org.corridor.archfixture.good.domain;

/** Fixture: an entity that imports nothing of its service. */
public class Thing {
    public String name;
}
