package io.vigie.alerting.channels;

import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.messages.Message;
import io.vigie.alerting.messages.MessageRenderer;
import io.vigie.model.Notification;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Properties;

/** E-mail over SMTP with Jakarta Mail (Angus): multipart/alternative, plain text and HTML. */
public final class EmailChannel implements Channel {
    private final MessageRenderer renderer;
    private final AlertingConfig.Smtp smtp;
    private final Session session;

    public EmailChannel(MessageRenderer renderer, AlertingConfig.Smtp smtp) {
        this.renderer = renderer;
        this.smtp = smtp;
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.connectiontimeout", Long.toString(smtp.timeout().toMillis()));
        p.put("mail.smtp.timeout", Long.toString(smtp.timeout().toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(smtp.timeout().toMillis()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        Authenticator auth = null;
        if (smtp.username() != null) {
            p.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(smtp.username(), smtp.password());
                }
            };
        }
        this.session = Session.getInstance(p, auth);
    }

    public MimeMessage mime(Notification n, AlertingConfig.Receiver r) throws MessagingException {
        Message m = renderer.message(n, r);
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(smtp.from()));
        for (String to : r.to()) {
            mail.addRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to, true));
        }
        mail.setSubject(m.subject(), "UTF-8");
        mail.setSentDate(new Date());
        // The notification id lets mail clients thread and lets us find a message in a mailbox.
        mail.setHeader("X-Vigie-Notification-Id", n.notificationId());
        mail.setHeader("X-Vigie-Incident-Id", n.incidentId());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(renderer.render("email.html.peb", "html", m.context(), r), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mail.setContent(alternative);
        mail.saveChanges();
        return mail;
    }

    @Override
    public void deliver(Notification n, AlertingConfig.Receiver r) throws DeliveryException {
        try {
            Transport.send(mime(n, r));
        } catch (AddressException e) {
            throw new DeliveryException("bad address: " + e.getMessage(), true, e);
        } catch (SendFailedException e) {
            boolean permanent = e.getValidUnsentAddresses() == null || e.getValidUnsentAddresses().length == 0;
            throw new DeliveryException("SMTP refused: " + e.getMessage(), permanent && e.getInvalidAddresses() != null
                    && e.getInvalidAddresses().length > 0, e);
        } catch (MessagingException e) {
            throw new DeliveryException("SMTP " + smtp.host() + ":" + smtp.port() + ": " + e.getMessage(), false, e);
        }
    }
}
