package org.corridor.archfixture.bad.rest.dto;

/** Fixture for the architecture rules' own test: a DTO a use case wrongly imports. */
public record LeakyDto(String name) {
}
