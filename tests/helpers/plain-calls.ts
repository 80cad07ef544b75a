/**
 * A plain, correct call for each shipped scenario, typed in the words a
 * competent agent would use. Written without looking at the labelled
 * utterances or the lexicon, so nobody tuned the classifier to this wording.
 * A step is what the trainee types, or "LOOKUP <section>".
 */
export const PLAIN_CALLS: Record<string, string[]> = {
  'irate-outage': [
    "Good evening, you're through to Crestline Fiber, my name is Sam. How can I help?",
    "I'm really sorry, that's a terrible experience and you have every right to be angry. Please go on, I'm listening.",
    "That sounds incredibly frustrating, losing a whole day waiting for someone who never turned up. I'm sorry we let you down.",
    "To open your account, can you confirm your ZIP code and your date of birth please?",
    "Thanks Mr Reyes. Can you tell me on which days the internet went down, and is this at your home address?",
    "I'm sorry about that. When was the technician supposed to come, and who did you speak to when you booked it?",
    "I see. How has all of this affected you? Has anything else gone wrong on the account?",
    "LOOKUP history",
    "LOOKUP bills",
    "LOOKUP invoices",
    "Just so I have it right: the internet dropped on the 3rd, the 9th and the 14th, five days in total, the technician never showed up on Wednesday, and you were billed $49 for that visit. Is that correct?",
    "Here is what I can do. I'll remove the $49 charge, and put a credit of $38.33 on your next bill, which is $25 for the missed visit and $13.33 for the days without service. I can also book a priority technician for tomorrow morning between 8 and 10, would that work?",
    "You'll get an email confirming all of this within the hour, and the technician will phone you before they arrive. Is there anything else I can help you with?",
    "Thank you for your patience, Mr Reyes, and sorry again for the trouble. Have a good evening.",
  ],
  'billing-dispute': [
    "Good morning, Northfield Energy billing, this is Sam speaking. How can I help you today?",
    "I'm sorry, I can understand that's a shock, especially with a newborn. Let me look into it for you. Could I have your full name and date of birth?",
    "Thank you Ms Whitlock. Has anything changed at home this winter, for example with the heating?",
    "That makes sense. Two space heaters running day and night use a lot of electricity, roughly as much as a hair dryer running all day each, so that explains most of the increase.",
    "LOOKUP bills",
    "I've looked at your bills and found an error on our side. Your January bill ended on 2 January but this bill started on 27 December, so seven days were charged twice. I apologise for that.",
    "I can give you a credit of $57.33 for the seven days we billed twice, including tax. Would you like it taken off this bill?",
    "It was a one-off caused by the meter being replaced in December. Your next bill will start on 3 February as normal and I've added a note to check it.",
    "Is there anything else I can help with today? Thanks for calling Northfield Energy, take care.",
  ],
  'confused-new-bill': [
    "Good morning, Brightwater Energy, this is Sam. What can I do for you today?",
    "That does sound confusing, don't worry, we'll go through it together.",
    "Before I open the account, could you tell me your name, postcode and date of birth?",
    "Thank you Mrs Hollis, and I'm sorry for your loss. When did the bill arrive?",
    "Let's go through the bill one line at a time.",
    "Balance brought forward is anything left over from your last bill. Your last bill was paid in full, so that is zero. The amount due, £68.40, is just this month's bill.",
    "The AutoPay line is the same £68.40, not a second payment. It just tells you the date it comes out of your bank, the 17th of March. You don't need to pay anything at the post office.",
    "Yes, that's exactly right.",
    "The code is going to an old mobile number ending 4471 that is still on your account. That's why it never arrives.",
    "I can change the mobile number on your account to your own phone so the codes come to you. What is your number?",
    "Is there anything else I can help you with today? Thank you for calling, Mrs Hollis, take care.",
  ],
};
