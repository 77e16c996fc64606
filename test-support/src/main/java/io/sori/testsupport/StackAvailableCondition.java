package io.sori.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips (never fails) the container-backed run where no Docker engine is reachable. */
public class StackAvailableCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestStack.available()) {
            return ConditionEvaluationResult.enabled("backend " + TestStack.backend() + " available");
        }
        return ConditionEvaluationResult.disabled("backend 'containers' needs a Docker engine; none is reachable here");
    }
}
