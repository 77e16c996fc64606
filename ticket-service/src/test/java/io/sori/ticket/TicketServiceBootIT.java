package io.sori.ticket;

import io.sori.testsupport.ServiceBootChecks;
import io.sori.testsupport.SoriIntegrationTest;

@SoriIntegrationTest
class TicketServiceBootIT extends ServiceBootChecks {
}
