//! The English wording's tests.

use super::*;

#[test]
fn groups_thousands() {
    assert_eq!(grouped(0), "0");
    assert_eq!(grouped(999), "999");
    assert_eq!(grouped(8500), "8,500");
    assert_eq!(grouped(36_762_500), "36,762,500");
    assert_eq!(grouped(-1234), "-1,234");
}
