package io.sori.blocklist;

import io.sori.testsupport.ServiceBootChecks;
import io.sori.testsupport.SoriIntegrationTest;

@SoriIntegrationTest
class BlocklistServiceBootIT extends ServiceBootChecks {
}
