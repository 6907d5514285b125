package dev.tlsconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.support.ConsoleTest;

/** {@code /api/v1/hosts}: the contract of API.md, every kind of bad input, conflicts and deletes. */
@ConsoleTest
class HostApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    TopologyApi api;

    @BeforeEach
    void api() {
        api = new TopologyApi(mvc, jdbc);
    }

    @Test
    void createReturns201WithLocationAndTheHostAsApiMdShowsIt() throws Exception {
        String name = TopologyApi.unique("cfg-host");
        api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + name + "\",\"ipAddress\":\"10.0.0.11\",\"osType\":\"UNIX\","
                        + "\"securityPackVersion\":\"8.5.100.25\",\"security\":{\"sec-protocol\":\"TLSv12\"}}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/hosts/\\d+")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.ipAddress").value("10.0.0.11"))
                .andExpect(jsonPath("$.osType").value("UNIX"))
                .andExpect(jsonPath("$.securityPackVersion").value("8.5.100.25"))
                .andExpect(jsonPath("$.security['sec-protocol']").value("TLSv12"))
                .andExpect(jsonPath("$.version").value(0));
    }
}
