package io.sori.kb;

import io.sori.testsupport.ServiceBootChecks;
import io.sori.testsupport.SoriIntegrationTest;

@SoriIntegrationTest
class KbServiceBootIT extends ServiceBootChecks {
}
