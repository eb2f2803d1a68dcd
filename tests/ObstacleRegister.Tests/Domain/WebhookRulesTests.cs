using System.Net;
using ObstacleRegister.Webhooks;
using ObstacleRegister.Webhooks.Delivery;
using ObstacleRegister.Webhooks.Endpoints;

namespace ObstacleRegister.Tests.Domain;

public sealed class WebhookRulesTests
{
    [TestCase(1, 15, 30)]
    [TestCase(2, 30, 60)]
    [TestCase(5, 240, 480)]
    [TestCase(30, 10800, 21600)]
    public void RetryDelay_DoublesWithJitterAndIsCapped(int attempts, int minSeconds, int maxSeconds)
    {
        var options = new WebhookOptions { RetryBaseDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromHours(6) };

        var delays = Enumerable.Range(0, 200).Select(_ => RetryDelay.After(attempts, options).TotalSeconds).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(delays, Has.All.InRange(minSeconds, maxSeconds));
            Assert.That(delays.Distinct().Count(), Is.GreaterThan(100), "jittered, not all the same");
        });
    }

    [TestCase("10.0.0.1", true)]
    [TestCase("172.31.255.255", true)]
    [TestCase("172.32.0.1", false)]
    [TestCase("192.168.0.1", true)]
    [TestCase("169.254.169.254", true)]
    [TestCase("100.64.0.1", true)]
    [TestCase("127.0.0.1", true)]
    [TestCase("0.0.0.0", true)]
    [TestCase("224.0.0.1", true)]
    [TestCase("::ffff:10.0.0.1", true)]
    [TestCase("fe80::1", true)]
    [TestCase("fd12:3456::1", true)]
    [TestCase("2001:4860:4860::8888", false)]
    [TestCase("93.184.216.34", false)]
    [TestCase("64:ff9b::a00:1", true)]
    [TestCase("64:ff9b::7f00:1", true)]
    [TestCase("2002:a00:1::1", true)]
    [TestCase("2001:0:4136:e378::1", true)]
    [TestCase("198.18.0.1", true)]
    [TestCase("198.19.255.255", true)]
    [TestCase("198.20.0.1", false)]
    [TestCase("192.0.2.10", true)]
    [TestCase("203.0.113.7", true)]
    [TestCase("2001:db8::1", true)]
    [TestCase("240.0.0.1", true)]
    [TestCase("8.8.8.8", false)]
    public void IsInternal_KnowsPrivateLoopbackAndLinkLocalRanges(string address, bool expected)
    {
        Assert.That(TargetRules.IsInternal(IPAddress.Parse(address)), Is.EqualTo(expected));
    }

    [Test]
    public void Signature_IsTheStandardWebhooksHmacOfIdTimestampAndBody()
    {
        // The example from the Standard Webhooks specification's reference implementations.
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        const string timestamp = "1614265330";
        const string body = "{\"test\": 2432232314}";

        Assert.That(WebhookSender.Sign(secret, id, timestamp, body), Is.EqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }
}
