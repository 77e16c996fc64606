package io.sori.channel;

import io.sori.testsupport.ServiceBootChecks;
import io.sori.testsupport.SoriIntegrationTest;

@SoriIntegrationTest
class ChannelServiceBootIT extends ServiceBootChecks {
}
