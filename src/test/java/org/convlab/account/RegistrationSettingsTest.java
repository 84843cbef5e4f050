package org.convlab.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code convlab.registration} as Spring Boot binds it at start-up: lenient spelling, nothing unknown. */
class RegistrationSettingsTest {

    private static RegistrationSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("convlab", RegistrationSettings.class);
    }

    @Test
    void nothingSetMeansClassCodes() {
        assertThat(bind(Map.of("convlab.runs-dir", "runs")).registration()).isEqualTo(RegistrationPolicy.CLASS_CODE);
    }

    @ParameterizedTest
    @CsvSource({"class-code,CLASS_CODE", "CLASS_CODE,CLASS_CODE", "open,OPEN", "Open,OPEN", "closed,CLOSED"})
    void theDocumentedSpellingsBind(String value, RegistrationPolicy expected) {
        assertThat(bind(Map.of("convlab.registration", value)).registration()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "public", "opened", "1", "class-code,open", "close d;rm -rf /"})
    void anUnknownValueStopsTheStart(String value) {
        assertThatThrownBy(() -> bind(Map.of("convlab.registration", value)))
                .isInstanceOf(BindException.class).hasMessageContaining("convlab.registration");
    }
}
