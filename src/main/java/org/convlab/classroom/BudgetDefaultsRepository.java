package org.convlab.classroom;

import org.springframework.data.jpa.repository.JpaRepository;

interface BudgetDefaultsRepository extends JpaRepository<BudgetDefaults, Integer> {}
