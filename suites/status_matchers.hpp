#pragma once
// Status assertions that print NTSTATUS values by name ("STATUS_BUFFER_TOO_SMALL (0xC0000023)"), so a CI
// report reads like the contracts document.
#include <gtest/gtest.h>

#include "harness/ioctl/nt_status.hpp"

namespace cdcts::suites {

testing::AssertionResult statusIs(const char* actualExpr, const char* expectedExpr, ioctl::NtStatus actual, ioctl::NtStatus expected);

}  // namespace cdcts::suites

#define EXPECT_THAT_STATUS(actual, expected) EXPECT_PRED_FORMAT2(::cdcts::suites::statusIs, actual, expected)
#define ASSERT_THAT_STATUS(actual, expected) ASSERT_PRED_FORMAT2(::cdcts::suites::statusIs, actual, expected)
