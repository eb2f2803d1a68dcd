namespace ObstacleRegister.Bench.Seed;

/// <summary>
/// Builds realistic obstacle texts from phrases legal departments actually write, so the full-text index and
/// the search queries see Vietnamese of the right shape and word frequencies.
/// </summary>
internal sealed class VietnameseCorpus(Random random)
{
    private static readonly string[] Problems =
    [
        "Quy định chồng chéo về", "Chưa có hướng dẫn về", "Thủ tục rườm rà khi", "Không thống nhất giữa các văn bản về",
        "Quy định chưa rõ ràng về", "Không khả thi trong thực tế đối với", "Thiếu quy định về", "Quy định lạc hậu về",
        "Thời hạn giải quyết quá dài đối với", "Hồ sơ yêu cầu quá nhiều giấy tờ khi",
    ];

    private static readonly string[] Subjects =
    [
        "cấp giấy phép viễn thông", "đấu thầu qua mạng", "chữ ký số trong giao dịch điện tử", "lưu trữ dữ liệu cá nhân",
        "thuê dịch vụ công nghệ thông tin", "chia sẻ dữ liệu giữa các cơ quan nhà nước", "thẩm định dự án chuyển đổi số",
        "định danh và xác thực điện tử", "quản lý tần số vô tuyến điện", "an toàn thông tin mạng", "mua sắm thiết bị công nghệ",
        "đầu tư hạ tầng số", "thanh toán không dùng tiền mặt", "hóa đơn điện tử", "kết nối cơ sở dữ liệu quốc gia về dân cư",
        "thử nghiệm có kiểm soát công nghệ mới", "đào tạo nhân lực số", "cấp phép bay thiết bị không người lái",
    ];

    private static readonly string[] Details =
    [
        "Doanh nghiệp phải nộp hồ sơ giấy dù đã có hệ thống dịch vụ công trực tuyến.",
        "Hai văn bản quy định thời hạn khác nhau nên cơ quan thực hiện không biết áp dụng văn bản nào.",
        "Quy định hiện hành không phân biệt giữa dịch vụ truyền thống và dịch vụ trên nền tảng số.",
        "Địa phương chưa có cơ sở pháp lý để bố trí kinh phí thực hiện.",
        "Thủ tục thẩm định kéo dài trung bình 90 ngày, vượt xa thời hạn quy định.",
        "Văn bản hướng dẫn chưa được ban hành dù luật đã có hiệu lực hơn một năm.",
        "Cán bộ thực hiện phải xin ý kiến nhiều cấp do quy định không rõ thẩm quyền.",
        "Chi phí tuân thủ cao khiến doanh nghiệp nhỏ không thể tham gia thị trường.",
        "Dữ liệu đã có trong cơ sở dữ liệu quốc gia nhưng người dân vẫn phải khai lại.",
        "Quy định về định mức chi không còn phù hợp với giá thị trường hiện nay.",
    ];

    private static readonly string[] Impacts =
    [
        "Hơn 200 doanh nghiệp bị ảnh hưởng mỗi năm.", "Chậm tiến độ 15 dự án chuyển đổi số của tỉnh.",
        "Người dân phải đi lại nhiều lần để hoàn tất thủ tục.", "Ngân sách không giải ngân được trong năm.",
    ];

    public string Title() => $"{Pick(Problems)} {Pick(Subjects)}";

    public string Description()
    {
        var sentences = random.Next(2, 6);
        return string.Join(' ', Enumerable.Range(0, sentences).Select(_ => Pick(Details)));
    }

    public string Impact() => Pick(Impacts);

    public string Provision() => random.Next(3) switch
    {
        0 => $"Điều {random.Next(1, 80)}",
        1 => $"Điều {random.Next(1, 80)}, khoản {random.Next(1, 8)}",
        _ => $"Điều {random.Next(1, 80)}, khoản {random.Next(1, 8)}, điểm {(char)('a' + random.Next(0, 6))}",
    };

    public string RegulationTitle() => $"Quy định chi tiết về {Pick(Subjects)}";

    private string Pick(string[] items) => items[random.Next(items.Length)];
}
