package org.convlab.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

/** Personal mode listens on this computer only; classroom mode and workers choose their address freely. */
class PersonalModeCheckTest {

    private static StandardEnvironment environment(String... keyValues) {
        StandardEnvironment environment = new StandardEnvironment();
        MockPropertySource properties = new MockPropertySource();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        environment.getPropertySources().addFirst(properties);
        return environment;
    }

    private static StandardEnvironment check(WebApplicationType type, String... keyValues) {
        StandardEnvironment environment = environment(keyValues);
        SpringApplication application = new SpringApplication();
        application.setWebApplicationType(type);
        new PersonalModeCheck().postProcessEnvironment(environment, application);
        return environment;
    }

    @Test
    void personalModeIsTheDefaultAndListensOnTheLoopback() {
        assertThat(check(WebApplicationType.SERVLET).getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(check(WebApplicationType.SERVLET, "convlab.mode", " Personal ").getProperty("server.address"))
                .isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1", "127.0.0.2"})
    void aLoopbackAddressIsAccepted(String address) {
        assertThat(check(WebApplicationType.SERVLET, "server.address", address).getProperty("server.address"))
                .isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.20", "10.0.0.1", "example.invalid", "not an address"})
    void anyOtherAddressStopsTheStartAndPointsToClassroomMode(String address) {
        assertThatThrownBy(() -> check(WebApplicationType.SERVLET, "server.address", address))
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("only on this computer")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((StartRefused) e).action()).contains("--convlab.mode=classroom"));
    }

    @Test
    void classroomModeAndWorkersKeepTheirAddress() {
        assertThat(check(WebApplicationType.SERVLET, "convlab.mode", "classroom", "server.address", "0.0.0.0")
                .getProperty("server.address")).isEqualTo("0.0.0.0");
        assertThat(check(WebApplicationType.SERVLET, "convlab.mode", "classroom").getProperty("server.address")).isNull();
        // A worker serves no pages, so it needs no loopback.
        assertThat(check(WebApplicationType.NONE, "server.address", "0.0.0.0").getProperty("server.address"))
                .isEqualTo("0.0.0.0");
    }

    @Test
    void anUnknownModeStopsTheStartWithTheTwoChoices() {
        assertThatThrownBy(() -> check(WebApplicationType.SERVLET, "convlab.mode", "clasroom"))
                .isInstanceOf(StartRefused.class)
                .hasMessage("convlab.mode is \"clasroom\", which ConvLab does not know.")
                .satisfies(e -> assertThat(((StartRefused) e).action()).contains("personal").contains("classroom"));
    }

    @Test
    void theRefusalIsReportedWithoutAStackTrace() {
        StartRefused refused = new StartRefused("problem line", "action line");
        FailureAnalysis analysis = new StartRefusedAnalyzer().analyze(new IllegalStateException(refused));
        assertThat(analysis.getDescription()).isEqualTo("problem line");
        assertThat(analysis.getAction()).isEqualTo("action line");
    }
}
