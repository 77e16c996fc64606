package io.sori.corebanking;

import io.sori.testsupport.ServiceBootChecks;
import io.sori.testsupport.SoriIntegrationTest;

@SoriIntegrationTest
class CoreBankingSimulatorBootIT extends ServiceBootChecks {
}
