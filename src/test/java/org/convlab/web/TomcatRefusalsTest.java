package org.convlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat refuses before Spring sees it (an encoded slash or NUL in the address): under
 * {@code /api/**} one JSON line like every other API error; a page address keeps Tomcat's bare page.
 * Same server settings as SignInOverHttpTest, so the two share one running server.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"convlab.worker.enabled=false", "convlab.runs-dir=target/test-runs/signin"})
class TomcatRefusalsTest {

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String rawPath, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath)).header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anApiAddressTomcatRefusesIsStillOneJsonLine() throws Exception {
        for (String path : new String[] {"/api/runs/%2F", "/api/runs/a%00b", "/api/runs/..%2F..%2Fetc", "/api/%2e%2e%2F"}) {
            for (String accept : new String[] {"application/json", "application/xml", "text/html"}) {
                HttpResponse<String> response = get(path, accept);
                assertThat(response.statusCode()).as(path).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
                assertThat(JsonMapper.builder().build().readTree(response.body()).get("error").asString())
                        .startsWith("The request cannot be read").doesNotContain("Tomcat");
            }
        }
    }

    @Test
    void aPageAddressKeepsTomcatsBarePageWithoutItsVersion() throws Exception {
        HttpResponse<String> response = get("/learn/%2F", "text/html");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("400").doesNotContain("Apache Tomcat/").doesNotContain("Exception");
    }
}
