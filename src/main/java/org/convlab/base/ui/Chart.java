package org.convlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A Chart.js chart. The configuration is Chart.js' own JSON ({@code type}, {@code data},
 * {@code options}), built in Java with {@link ChartConfig}; the browser side is the Lit element
 * {@code frontend/components/convlab-chart.ts}, which loads Chart.js from its webjar.
 */
@Tag("convlab-chart")
@JsModule("./components/convlab-chart.ts")
public final class Chart extends Component implements HasSize {

    static final String SCRIPT_URL = "webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.min.js";

    public Chart(String description) {
        getElement().setProperty("src", SCRIPT_URL);
        getElement().setProperty("label", description);
        setWidthFull();
        setHeight("280px");
    }

    private ChartConfig config;

    public Chart setConfig(ChartConfig config) {
        this.config = config;
        getElement().setPropertyBean("config", config.toMap());
        return this;
    }

    public ChartConfig config() {
        return config;
    }

    /** The webjar's version, read from its own Maven metadata so a version bump needs no code change. */
    private static String chartJsVersion() {
        try (InputStream in = Chart.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the Chart.js webjar is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
