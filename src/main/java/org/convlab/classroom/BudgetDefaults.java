package org.convlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The server's default run budget, as the admin set it: the one row of {@code run_budget_default}.
 * A null value means the start value from the configuration ({@code convlab.budget.*}).
 */
@Entity
@Table(name = "run_budget_default")
class BudgetDefaults {

    static final int ROW = 1;

    @Id
    private Integer id;

    @Column(name = "max_image_epochs")
    private Long maxImageEpochs;

    @Column(name = "max_waiting_runs")
    private Integer maxWaitingRuns;

    protected BudgetDefaults() {}

    BudgetDefaults(Long maxImageEpochs, Integer maxWaitingRuns) {
        this.id = ROW;
        this.maxImageEpochs = maxImageEpochs;
        this.maxWaitingRuns = maxWaitingRuns;
    }

    Long getMaxImageEpochs() { return maxImageEpochs; }
    Integer getMaxWaitingRuns() { return maxWaitingRuns; }

    void set(Long maxImageEpochs, Integer maxWaitingRuns) {
        this.maxImageEpochs = maxImageEpochs;
        this.maxWaitingRuns = maxWaitingRuns;
    }
}
