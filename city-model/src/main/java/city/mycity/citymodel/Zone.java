package city.mycity.citymodel;

/** A district of the city that operators and statistics group by; every sensor belongs to exactly one. */
public record Zone(String id, String name, BoundingBox area) {}
