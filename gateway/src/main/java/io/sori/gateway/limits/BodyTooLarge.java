package io.sori.gateway.limits;

/**
 * A request body without a declared length that grew past the gateway's limit while it was
 * being forwarded. The forwarding stops there, so the service never receives more than it
 * accepts, and the caller gets a 413 problem.
 */
public class BodyTooLarge extends RuntimeException {

    public BodyTooLarge(long limit) {
        super("the request body is larger than the " + limit + " bytes accepted", null, false, false);
    }
}
