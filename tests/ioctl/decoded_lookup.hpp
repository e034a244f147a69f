#pragma once
// Looking fields up in a Decoded tree, failing the test (not crashing) when one is missing.
#include <gtest/gtest.h>

#include <string_view>

#include "harness/ioctl/decoded.hpp"

namespace cdcts::ioctl::test {

inline const Decoded& at(const Decoded& node, std::string_view name)
{
    const Decoded* c = node.child(name);
    if (c == nullptr) {
        ADD_FAILURE() << node.name << " has no child " << name << "\n" << node.toText();
        static const Decoded kMissing;
        return kMissing;
    }
    return *c;
}

inline std::int64_t numberAt(const Decoded& node, std::string_view name)
{
    return at(node, name).number.value_or(-999999);
}

}  // namespace cdcts::ioctl::test
