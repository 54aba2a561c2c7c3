/**
 * {@code vigie demo}: a crisis replayed on a simulated web, end to end, in one command. The sites (blogs, a forum, a
 * video site, news, a fan forum and the brand's newsroom) are served by this process on their own loopback addresses;
 * everything else is the real pipeline that {@code vigie local} starts, reading them politely and alerting through a
 * real SMTP server (GreenMail, in this process) and a chat webhook receiver, whose messages the demo's inbox page lists.
 *
 * <p>{@link io.vigie.app.demo.DemoCommand} runs it; {@link io.vigie.app.demo.DemoCast} holds the fictional brands and
 * their texts, {@link io.vigie.app.demo.DemoStory} the story's steps, {@link io.vigie.app.demo.SimulatedWeb} the sites,
 * {@link io.vigie.app.demo.DemoInbox} the mail and chat receivers, {@link io.vigie.app.demo.DemoTimeline} what the
 * demo prints as the pipeline reacts.
 */
package io.vigie.app.demo;
