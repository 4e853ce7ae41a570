package city.mycity.analytics.parking.eval;

import java.time.LocalDateTime;

/**
 * One row of a car-park occupancy file, as given: the occupancy may exceed the capacity or be below zero.
 *
 * @param carPark the car park's code
 * @param capacity its spaces
 * @param occupancy occupied spaces as reported
 * @param updated when, on the city's clock
 * @param updatedText the time exactly as the file wrote it
 */
public record ParkingRecord(String carPark, int capacity, int occupancy, LocalDateTime updated, String updatedText) {}
