import { describe, expect, it } from "vitest";
import {
  addDays,
  isIsoDate,
  isMonday,
  mondayOf,
  nextMonday,
  todayIn,
  utcDateOf,
} from "../../src/domain/calendar.ts";

describe("the calendar (src/domain/calendar.ts)", () => {
  it("knows a real YYYY-MM-DD date from a look-alike", () => {
    for (const date of ["2026-02-28", "2024-02-29", "0001-01-01", "9999-12-31"])
      expect(isIsoDate(date)).toBe(true);
    for (const date of ["2026-02-29", "2026-02-30", "2026-13-01", "2026-1-01", "2026-01-01T00:00:00Z", ""]) {
      expect(isIsoDate(date)).toBe(false);
    }
  });

  it("adds days across months, leap days and years, and refuses a date that is not one", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("0001-01-08", -7)).toBe("0001-01-01");
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });

  it("finds the Monday of a date's week, Monday to Sunday, and the Monday after a day", () => {
    expect(mondayOf("2026-12-07")).toBe("2026-12-07"); // a Monday
    expect(mondayOf("2026-12-13")).toBe("2026-12-07"); // its Sunday
    expect(mondayOf("2027-01-01")).toBe("2026-12-28"); // across the year
    expect(isMonday(mondayOf("0001-01-03"))).toBe(true);
    expect(() => mondayOf("2026-02-30")).toThrow(RangeError);
    expect(nextMonday(new Date("2026-12-07T00:00:00Z"))).toBe("2026-12-14");
    expect(nextMonday(new Date("2026-12-13T23:59:59Z"))).toBe("2026-12-14");
  });

  it("reads an instant's date in UTC or in a time zone", () => {
    const instant = new Date("2026-12-06T23:30:00Z");
    expect(utcDateOf(instant)).toBe("2026-12-06");
    expect(todayIn("UTC", instant)).toBe("2026-12-06");
    expect(todayIn("Pacific/Auckland", instant)).toBe("2026-12-07");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-12-06");
    expect(() => todayIn("Not/A_Zone", instant)).toThrow(RangeError);
  });
});
