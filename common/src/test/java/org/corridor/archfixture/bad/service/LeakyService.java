package org.corridor.archfixture.bad.service;

import jakarta.ws.rs.core.Response;
import org.corridor.archfixture.bad.rest.dto.LeakyDto;

/** Fixture: a use case that imports the rest layer and returns a JAX-RS Response. */
public class LeakyService {
    public Response create(LeakyDto dto) {
        return Response.ok(dto.name()).build();
    }
}
