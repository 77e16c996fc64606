package io.sori.survey;

import io.sori.testsupport.ServiceBootChecks;
import io.sori.testsupport.SoriIntegrationTest;

@SoriIntegrationTest
class SurveyServiceBootIT extends ServiceBootChecks {
}
