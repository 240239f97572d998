package org.corridor.archfixture.bad.rest.dto;

/** Fixture: a class in rest/dto that is not a record. */
public class NotARecord {
    public String name;
}
