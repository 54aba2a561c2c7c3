package io.vigie.alerting.desk;

/**
 * A person's action was written for the owner of the incident's brand, but no owner answered in time (all
 * instances restarting, or the owner was just killed and its brands not yet taken over). The action is not lost:
 * it stays on {@code incident.actions} and the next owner applies it.
 */
public final class ActionQueuedException extends RuntimeException {
    public ActionQueuedException(String message) {
        super(message);
    }
}
