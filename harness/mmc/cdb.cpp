#include "harness/mmc/cdb.hpp"

#include "harness/core/bytes.hpp"
#include "harness/mmc/opcode.hpp"

namespace cdcts::mmc::cdb {

Cdb6 testUnitReady() { return {static_cast<std::uint8_t>(Opcode::TestUnitReady), 0, 0, 0, 0, 0}; }

Cdb6 requestSense(std::uint8_t allocationLength)
{
    return {static_cast<std::uint8_t>(Opcode::RequestSense), 0, 0, 0, allocationLength, 0};
}

Cdb6 inquiry(std::uint16_t allocationLength, bool evpd, std::uint8_t page)
{
    Cdb6 c{static_cast<std::uint8_t>(Opcode::Inquiry), static_cast<std::uint8_t>(evpd ? 1 : 0), page, 0, 0, 0};
    storeBe16(&c[3], allocationLength);
    return c;
}

Cdb10 readCapacity() { return {static_cast<std::uint8_t>(Opcode::ReadCapacity), 0, 0, 0, 0, 0, 0, 0, 0, 0}; }

Cdb6 startStopUnit(bool start, bool loadEject, bool immediate)
{
    return {static_cast<std::uint8_t>(Opcode::StartStopUnit), static_cast<std::uint8_t>(immediate ? 1 : 0), 0, 0,
            static_cast<std::uint8_t>((loadEject ? 0x02 : 0) | (start ? 0x01 : 0)), 0};
}

Cdb6 preventAllowMediumRemoval(bool prevent, bool persistent)
{
    return {static_cast<std::uint8_t>(Opcode::PreventAllowMediumRemoval), 0, 0, 0,
            static_cast<std::uint8_t>((persistent ? 0x02 : 0) | (prevent ? 0x01 : 0)), 0};
}

Cdb6 reserve6() { return {static_cast<std::uint8_t>(Opcode::Reserve6), 0, 0, 0, 0, 0}; }
Cdb6 release6() { return {static_cast<std::uint8_t>(Opcode::Release6), 0, 0, 0, 0, 0}; }
Cdb10 reserve10() { return {static_cast<std::uint8_t>(Opcode::Reserve10), 0, 0, 0, 0, 0, 0, 0, 0, 0}; }
Cdb10 release10() { return {static_cast<std::uint8_t>(Opcode::Release10), 0, 0, 0, 0, 0, 0, 0, 0, 0}; }

Cdb10 readSubChannel(bool msf, SubChannelFormat format, std::uint8_t track, std::uint16_t allocationLength)
{
    Cdb10 c{};
    c[0] = static_cast<std::uint8_t>(Opcode::ReadSubChannel);
    c[1] = msf ? 0x02 : 0x00;
    c[2] = 0x40;  // SubQ
    c[3] = static_cast<std::uint8_t>(format);
    c[6] = track;
    storeBe16(&c[7], allocationLength);
    return c;
}

Cdb10 readToc(bool msf, TocFormat format, std::uint8_t trackOrSession, std::uint16_t allocationLength)
{
    Cdb10 c{};
    c[0] = static_cast<std::uint8_t>(Opcode::ReadTocPmaAtip);
    c[1] = msf ? 0x02 : 0x00;
    c[2] = static_cast<std::uint8_t>(format) & 0x0F;
    c[6] = trackOrSession;
    storeBe16(&c[7], allocationLength);
    return c;
}

Cdb10 getConfiguration(std::uint8_t requestType, std::uint16_t startingFeature, std::uint16_t allocationLength)
{
    Cdb10 c{};
    c[0] = static_cast<std::uint8_t>(Opcode::GetConfiguration);
    c[1] = requestType & 0x03;
    storeBe16(&c[2], startingFeature);
    storeBe16(&c[7], allocationLength);
    return c;
}

Cdb12 getConfiguration12(std::uint8_t requestType, std::uint16_t startingFeature, std::uint16_t allocationLength)
{
    Cdb12 c{};
    const Cdb10 ten = getConfiguration(requestType, startingFeature, allocationLength);
    for (std::size_t i = 0; i < ten.size(); ++i) c[i] = ten[i];
    return c;
}

Cdb6 modeSense6(bool disableBlockDescriptors, std::uint8_t pageCode, std::uint8_t allocationLength)
{
    return {static_cast<std::uint8_t>(Opcode::ModeSense6), static_cast<std::uint8_t>(disableBlockDescriptors ? 0x08 : 0),
            static_cast<std::uint8_t>(pageCode & 0x3F), 0, allocationLength, 0};
}

Cdb10 modeSense10(bool disableBlockDescriptors, std::uint8_t pageCode, std::uint16_t allocationLength)
{
    Cdb10 c{};
    c[0] = static_cast<std::uint8_t>(Opcode::ModeSense10);
    c[1] = disableBlockDescriptors ? 0x08 : 0;
    c[2] = pageCode & 0x3F;
    storeBe16(&c[7], allocationLength);
    return c;
}

Cdb12 getPerformance(std::uint8_t except, bool write, std::uint8_t tolerance, std::uint32_t startingLba,
                     std::uint16_t maximumDescriptors, std::uint8_t type)
{
    Cdb12 c{};
    c[0] = static_cast<std::uint8_t>(Opcode::GetPerformance);
    c[1] = static_cast<std::uint8_t>((except & 0x03) | (write ? 0x04 : 0) | ((tolerance & 0x03) << 3));
    storeBe32(&c[2], startingLba);
    storeBe16(&c[8], maximumDescriptors);
    c[10] = type;
    return c;
}

Cdb12 readCd(std::uint8_t expectedSectorType, std::uint32_t lba, std::uint32_t sectors, std::uint8_t fieldSelection,
             std::uint8_t subChannelSelection)
{
    Cdb12 c{};
    c[0] = static_cast<std::uint8_t>(Opcode::ReadCd);
    c[1] = static_cast<std::uint8_t>((expectedSectorType & 0x07) << 2);
    storeBe32(&c[2], lba);
    c[6] = static_cast<std::uint8_t>(sectors >> 16);
    c[7] = static_cast<std::uint8_t>(sectors >> 8);
    c[8] = static_cast<std::uint8_t>(sectors);
    c[9] = fieldSelection;
    c[10] = subChannelSelection;
    return c;
}

Cdb10 read10(std::uint32_t lba, std::uint16_t blocks)
{
    Cdb10 c{};
    c[0] = static_cast<std::uint8_t>(Opcode::Read10);
    storeBe32(&c[2], lba);
    storeBe16(&c[7], blocks);
    return c;
}

Cdb12 read12(std::uint32_t lba, std::uint32_t blocks, bool streaming)
{
    Cdb12 c{};
    c[0] = static_cast<std::uint8_t>(Opcode::Read12);
    storeBe32(&c[2], lba);
    storeBe32(&c[6], blocks);
    c[10] = streaming ? 0x80 : 0x00;
    return c;
}

}  // namespace cdcts::mmc::cdb
