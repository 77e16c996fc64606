package io.sori.ticket.ticket;

import io.sori.events.banking.EmergencyAction;

/** What the customer is told about an emergency action, in plain Korean. */
final class EmergencyNotices {

    private EmergencyNotices() {
    }

    static String requested(EmergencyAction action) {
        return switch (action) {
            case SUSPEND_CARD -> "분실·도난 신고가 접수되어 카드 사용정지를 바로 요청했습니다. 정지가 완료되면 다시 알려드릴게요.";
            case FREEZE_ACCOUNT -> "사기 피해 신고가 접수되어 추가 피해를 막기 위해 계좌 지급정지를 바로 요청했습니다. "
                    + "처리 결과를 곧 알려드릴게요.";
        };
    }

    static String completed(EmergencyAction action, String reference) {
        return switch (action) {
            case SUSPEND_CARD -> "카드 사용정지가 완료되었습니다 (처리번호 " + reference + "). "
                    + "재발급은 앱의 카드 메뉴나 상담사를 통해 신청하실 수 있습니다.";
            case FREEZE_ACCOUNT -> "계좌 지급정지가 완료되었습니다 (처리번호 " + reference + "). "
                    + "피해구제 신청 절차는 담당 상담사가 안내해 드립니다.";
        };
    }

    static String failed(EmergencyAction action) {
        String what = action == EmergencyAction.SUSPEND_CARD ? "카드 사용정지" : "계좌 지급정지";
        return what + "가 자동으로 처리되지 못해 담당자가 지금 바로 직접 처리하고 연락드리겠습니다.";
    }
}
