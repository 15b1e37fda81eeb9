package org.aerobench.model;

/**
 * What the request says about the user and the page, used where a record has no value.
 *
 * @param channelId the request's channel id (as a string; the fixture's is the int 306962)
 * @param age the user's age (the fixture says 25)
 * @param gender {@code M}, {@code F} or {@code U}; anything else counts as {@code U}
 */
public record RequestContext(String channelId, int age, String gender) {}
